// GlTest: a GoogleTest fixture with an offscreen GL 3.3 core context (SDL's offscreen driver on
// Mesa llvmpipe). Without a context the test is skipped with the reason, or fails when
// KILN_REQUIRE_GL=1 (the README's test command sets it). Any GL error during a test fails it.
#pragma once

#include "kiln/platform/window.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace kiln::test {

class GlTest : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;
    void TearDown() override;

    // A test that provokes a GL error on purpose declares it, so TearDown does not fail.
    void expectGlErrorsConsumed();

    static platform::Window* window() { return sWindow.get(); }

private:
    static std::unique_ptr<platform::Window> sWindow;
    static std::string sFailure;
};

// True when KILN_REQUIRE_GL=1.
bool glRequired();

} // namespace kiln::test
