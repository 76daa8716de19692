// Internal: the CIE 1931 2-degree colour-matching functions, 380-780 nm in 1 nm steps, embedded
// from the reference CSV by gen_cie1931_table.py. Not part of the public API.
#pragma once

namespace kiln::sim::detail {

constexpr int kCie1931FirstNm = 380;
constexpr int kCie1931Count = 401;
extern const double kCie1931[kCie1931Count][3]; // xbar, ybar, zbar
extern const double kBlackbodyY1000K;

} // namespace kiln::sim::detail
