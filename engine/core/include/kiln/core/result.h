// Result<T>: a value or an Error carrying a message, for bad data, I/O and driver failures.
// A small stand-in for C++23 std::expected (not in g++ 12). Never throws.
#pragma once

#include "kiln/core/assert.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kiln::core {

// What went wrong, written for a person: which file, where, what, and what to do.
struct Error {
    std::string message;
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : mData(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : mData(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return mData.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        KILN_ASSERT(ok(), "Result::value called on an error");
        return std::get<0>(mData);
    }
    const T& value() const& {
        KILN_ASSERT(ok(), "Result::value called on an error");
        return std::get<0>(mData);
    }
    T&& value() && {
        KILN_ASSERT(ok(), "Result::value called on an error");
        return std::get<0>(std::move(mData));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const {
        KILN_ASSERT(!ok(), "Result::error called on a value");
        return std::get<1>(mData);
    }
    T valueOr(T fallback) const& { return ok() ? std::get<0>(mData) : std::move(fallback); }

private:
    std::variant<T, Error> mData;
};

// Result for operations that produce nothing but may fail.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : mError(std::move(error)) {}
    bool ok() const { return !mError.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        KILN_ASSERT(!ok(), "Status::error called on success");
        return *mError;
    }

private:
    std::optional<Error> mError;
};

} // namespace kiln::core
