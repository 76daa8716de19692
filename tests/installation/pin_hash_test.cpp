// The admin PIN hash: known answers computed independently (Python's hashlib.pbkdf2_hmac), a
// right and a wrong PIN, the salt changing the hash, and strict parsing of the stored form.

#include "kiln/app/pin_hash.h"

#include <gtest/gtest.h>

namespace kiln::app {
namespace {

std::vector<std::uint8_t> bytesOf(std::string_view text) {
    return {text.begin(), text.end()};
}

TEST(PinHash, MatchesAnIndependentPbkdf2Implementation) {
    // python3: hashlib.pbkdf2_hmac('sha256', b'1234', b'saltsalt', 10000).hex()
    EXPECT_EQ(hashPin("1234", bytesOf("saltsalt"), 10000),
              "pbkdf2-sha256$10000$73616c7473616c74$"
              "a12e97835448fa85e43e54423bcaa6c53e51708b3cd1d5fa653d271a74bce7f1");
}

TEST(PinHash, VerifiesTheRightPinOnly) {
    const std::string stored = hashPin("2580", bytesOf("kilnfire-example"));
    EXPECT_TRUE(verifyPin("2580", stored));
    EXPECT_FALSE(verifyPin("2581", stored));
    EXPECT_FALSE(verifyPin("258", stored));
    EXPECT_FALSE(verifyPin("", stored));
}

TEST(PinHash, SaltChangesTheHash) {
    const std::string a = hashPin("2580", bytesOf("salt-one"));
    const std::string b = hashPin("2580", bytesOf("salt-two"));
    EXPECT_NE(a.substr(a.rfind('$')), b.substr(b.rfind('$')));
    EXPECT_TRUE(verifyPin("2580", a));
    EXPECT_TRUE(verifyPin("2580", b));
}

TEST(PinHash, NewSaltsDiffer) {
    const std::string a = hashPinWithNewSalt("2580");
    const std::string b = hashPinWithNewSalt("2580");
    EXPECT_NE(a, b);
    EXPECT_TRUE(pinHashFormatProblem(a).empty()) << pinHashFormatProblem(a);
    EXPECT_TRUE(verifyPin("2580", a));
}

TEST(PinHash, MalformedStoredFormsAreProblemsAndNeverVerify) {
    const std::string good = hashPin("1234", bytesOf("saltsalt"), 10000);
    const std::string hex = good.substr(good.rfind('$') + 1);
    auto with = [](std::string head, std::string_view tail) { return head.append(tail); };
    const std::vector<std::string> bad = {
            "",
            "1234",
            with("sha256$10000$73616c7473616c74$", hex),
            with("pbkdf2-sha256$999$73616c7473616c74$", hex),
            with("pbkdf2-sha256$10k$73616c7473616c74$", hex),
            with("pbkdf2-sha256$10000$7361$", hex),
            with("pbkdf2-sha256$10000$73616c7473616c74$", hex.substr(2)),
            with("pbkdf2-sha256$10000$73616c7473616c7g$", hex),
            with(with("pbkdf2-sha256$10000$73616c7473616c74$", hex), "$"),
            with("pbkdf2-sha256$10000$73616C7473616C74$", hex),
    };
    for (const std::string& stored : bad) {
        EXPECT_FALSE(pinHashFormatProblem(stored).empty()) << stored;
        EXPECT_FALSE(verifyPin("1234", stored)) << stored;
    }
    EXPECT_TRUE(pinHashFormatProblem(good).empty());
}

TEST(PinHash, ValidPins) {
    EXPECT_TRUE(isValidPin("1234"));
    EXPECT_TRUE(isValidPin("12345678"));
    EXPECT_FALSE(isValidPin("123"));
    EXPECT_FALSE(isValidPin("123456789"));
    EXPECT_FALSE(isValidPin("12a4"));
}

TEST(PinHash, TechnicianHelperChecksThePinAndTheRepeat) {
    const auto made = hashPinForTechnician("482916", "482916");
    ASSERT_TRUE(made.ok()) << made.error().message;
    EXPECT_TRUE(verifyPin("482916", made.value()));
    EXPECT_TRUE(pinHashFormatProblem(made.value()).empty());
    EXPECT_FALSE(hashPinForTechnician("482916", "482917").ok());
    EXPECT_FALSE(hashPinForTechnician("48a9", "48a9").ok());
    EXPECT_FALSE(hashPinForTechnician("123", "123").ok());
}

} // namespace
} // namespace kiln::app
