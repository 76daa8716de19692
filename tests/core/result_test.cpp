// Result and Status carry either a value or an error message.
#include "kiln/core/result.h"

#include <gtest/gtest.h>

#include <memory>

using kiln::core::Error;
using kiln::core::Result;
using kiln::core::Status;

TEST(Result, HoldsValue) {
    Result<int> r = 42;
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), 42);
    EXPECT_EQ(r.valueOr(7), 42);
}

TEST(Result, HoldsError) {
    Result<int> r = Error{"bad.json:3: field 'x': missing"};
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "bad.json:3: field 'x': missing");
    EXPECT_EQ(r.valueOr(7), 7);
}

TEST(Result, MovesOnlyTypes) {
    Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
    ASSERT_TRUE(r);
    std::unique_ptr<int> p = std::move(r).value();
    EXPECT_EQ(*p, 5);
}

TEST(Status, DefaultIsSuccess) {
    Status ok;
    EXPECT_TRUE(ok.ok());
    Status bad = Error{"disk full"};
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "disk full");
}
