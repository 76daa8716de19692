// The admin PIN of an installation, stored only as a salted PBKDF2-HMAC-SHA-256 hash (Nettle):
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>". A technician makes one with hashPin (the
// app wires it to `kilnfire --hash-pin`). Does NOT store or log a PIN in clear, ever.
#pragma once

#include "kiln/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::app {

inline constexpr int kPinHashIterations = 100000;
inline constexpr int kPinHashMinIterations = 10000;
inline constexpr int kPinHashMaxIterations = 10000000;
inline constexpr std::size_t kPinMinDigits = 4;
inline constexpr std::size_t kPinMaxDigits = 8;
inline constexpr std::string_view kPinHashScheme = "pbkdf2-sha256";

// True for 4 to 8 decimal digits (what the on-screen keypad can enter).
bool isValidPin(std::string_view pin);

// 16 random bytes from the operating system (std::random_device), for a new hash.
std::vector<std::uint8_t> makePinSalt();

// The stored form of `pin` with this salt (precondition: the salt is 8 to 32 bytes).
std::string hashPin(std::string_view pin, const std::vector<std::uint8_t>& salt,
                    int iterations = kPinHashIterations);

// hashPin with a fresh random salt: what a technician pastes into "admin.pinHash".
std::string hashPinWithNewSalt(std::string_view pin);

// What `kilnfire --hash-pin` does once it has read the PIN twice: checks it is 4-8 digits and
// that both entries match, then returns hashPinWithNewSalt's line; the error says which failed.
core::Result<std::string> hashPinForTechnician(std::string_view pin, std::string_view repeated);

// Empty when `stored` is well formed, else why not (for the config's findings).
std::string pinHashFormatProblem(std::string_view stored);

// True when pin hashes to `stored`; compares in constant time. False for a malformed `stored`.
bool verifyPin(std::string_view pin, std::string_view stored);

} // namespace kiln::app
