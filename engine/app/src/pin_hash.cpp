// PBKDF2-HMAC-SHA-256 PIN hashes through Nettle (nettle-dev), with a constant-time comparison
// (memeql_sec). Parsing of the stored form is strict: anything unexpected is a format problem.

#include "kiln/app/pin_hash.h"

#include "kiln/core/assert.h"

#include <nettle/memops.h>
#include <nettle/pbkdf2.h>

#include <charconv>
#include <optional>
#include <random>

namespace kiln::app {
namespace {

constexpr std::size_t kHashBytes = 32; // SHA-256
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kMinSaltBytes = 8;
constexpr std::size_t kMaxSaltBytes = 32;

std::string toHex(const std::vector<std::uint8_t>& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        hex.push_back(kDigits[byte >> 4]);
        hex.push_back(kDigits[byte & 0x0f]);
    }
    return hex;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1; // upper case is not the stored form; reject it rather than guess
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = hexValue(hex[i]);
        const int low = hexValue(hex[i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
    }
    return bytes;
}

std::vector<std::uint8_t> derive(std::string_view pin, const std::vector<std::uint8_t>& salt,
                                 int iterations) {
    std::vector<std::uint8_t> out(kHashBytes);
    pbkdf2_hmac_sha256(pin.size(), reinterpret_cast<const std::uint8_t*>(pin.data()),
                       static_cast<unsigned>(iterations), salt.size(), salt.data(), out.size(),
                       out.data());
    return out;
}

struct ParsedHash {
    int iterations = 0;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;
};

// Either the parsed hash or the reason it is malformed.
std::optional<ParsedHash> parseStored(std::string_view stored, std::string* problem) {
    auto fail = [&](std::string why) -> std::optional<ParsedHash> {
        if (problem != nullptr) {
            *problem = std::move(why);
        }
        return std::nullopt;
    };
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
        const std::size_t dollar = stored.find('$', from);
        parts.push_back(stored.substr(
                from, dollar == std::string_view::npos ? std::string_view::npos : dollar - from));
        if (dollar == std::string_view::npos) {
            break;
        }
        from = dollar + 1;
    }
    if (parts.size() != 4 || parts[0] != kPinHashScheme) {
        return fail("expected \"pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>\" (make one "
                    "with kilnfire --hash-pin)");
    }
    ParsedHash parsed;
    const std::string_view count = parts[1];
    const auto [end, ec] =
            std::from_chars(count.data(), count.data() + count.size(), parsed.iterations);
    if (ec != std::errc() || end != count.data() + count.size() ||
        parsed.iterations < kPinHashMinIterations || parsed.iterations > kPinHashMaxIterations) {
        return fail("iteration count must be a whole number from 10000 to 10000000");
    }
    auto salt = fromHex(parts[2]);
    if (!salt || salt->size() < kMinSaltBytes || salt->size() > kMaxSaltBytes) {
        return fail("salt must be 16 to 64 lower-case hex digits");
    }
    auto hash = fromHex(parts[3]);
    if (!hash || hash->size() != kHashBytes) {
        return fail("hash must be 64 lower-case hex digits (SHA-256)");
    }
    parsed.salt = std::move(*salt);
    parsed.hash = std::move(*hash);
    return parsed;
}

} // namespace

bool isValidPin(std::string_view pin) {
    if (pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits) {
        return false;
    }
    for (const char c : pin) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::vector<std::uint8_t> makePinSalt() {
    std::random_device device; // getrandom(2) on Linux with libstdc++
    std::vector<std::uint8_t> salt(kSaltBytes);
    for (std::uint8_t& byte : salt) {
        byte = static_cast<std::uint8_t>(device() & 0xffu);
    }
    return salt;
}

std::string hashPin(std::string_view pin, const std::vector<std::uint8_t>& salt, int iterations) {
    KILN_ASSERT(salt.size() >= kMinSaltBytes && salt.size() <= kMaxSaltBytes,
                "app::hashPin: the salt must be 8 to 32 bytes");
    KILN_ASSERT(iterations >= kPinHashMinIterations && iterations <= kPinHashMaxIterations,
                "app::hashPin: iterations out of range");
    std::string stored(kPinHashScheme);
    stored.push_back('$');
    stored.append(std::to_string(iterations));
    stored.push_back('$');
    stored.append(toHex(salt));
    stored.push_back('$');
    stored.append(toHex(derive(pin, salt, iterations)));
    return stored;
}

std::string hashPinWithNewSalt(std::string_view pin) {
    return hashPin(pin, makePinSalt());
}

core::Result<std::string> hashPinForTechnician(std::string_view pin, std::string_view repeated) {
    if (!isValidPin(pin)) {
        return core::Error{"the PIN must be 4 to 8 digits (0-9), as the on-screen keypad enters"};
    }
    if (pin != repeated) {
        return core::Error{"the two PINs differ; nothing was hashed"};
    }
    return hashPinWithNewSalt(pin);
}

std::string pinHashFormatProblem(std::string_view stored) {
    std::string problem;
    if (parseStored(stored, &problem)) {
        return {};
    }
    return problem;
}

bool verifyPin(std::string_view pin, std::string_view stored) {
    const auto parsed = parseStored(stored, nullptr);
    if (!parsed) {
        return false;
    }
    const std::vector<std::uint8_t> candidate = derive(pin, parsed->salt, parsed->iterations);
    return memeql_sec(candidate.data(), parsed->hash.data(), kHashBytes) != 0;
}

} // namespace kiln::app
