// Typed values chosen by a name in the input: a std::variant whose alternatives each carry
// `static constexpr std::string_view kind`. The list of names and the conversion both come from
// the variant, so a name cannot be accepted without a type to build, or the other way round.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "sim/core/error.hpp"

namespace munisim {

namespace variant_kinds_detail {
template <class Variant, std::size_t... I>
constexpr auto kinds(std::index_sequence<I...>) {
  return std::array<std::string_view, sizeof...(I)>{std::variant_alternative_t<I, Variant>::kind...};
}
}  // namespace variant_kinds_detail

// The alternatives' kinds, in the variant's order.
template <class Variant>
inline constexpr auto kVariantKinds =
    variant_kinds_detail::kinds<Variant>(std::make_index_sequence<std::variant_size_v<Variant>>{});

// The alternative whose kind is `kind`, default-constructed and then filled by fill(alternative);
// Error when no alternative has that kind.
template <class Variant, class Fill, std::size_t I = 0>
Variant variant_of_kind(std::string_view kind, const Fill& fill) {
  if constexpr (I == std::variant_size_v<Variant>) {
    throw Error("'" + std::string(kind) + "' names no alternative");
  } else {
    using Alternative = std::variant_alternative_t<I, Variant>;
    if (kind != Alternative::kind) return variant_of_kind<Variant, Fill, I + 1>(kind, fill);
    Alternative value;
    fill(value);
    return value;
  }
}

// A kind name usable as a template argument: ShareOf<"electric_share">.
template <std::size_t N>
struct KindName {
  char text[N];
  constexpr KindName(const char (&name)[N]) {  // NOLINT(google-explicit-constructor): a literal is the point
    for (std::size_t i = 0; i < N; ++i) text[i] = name[i];
  }
};

// An alternative that is only a share in [0, 1] of what its kind names.
template <KindName Kind>
struct ShareOf {
  static constexpr std::string_view kind{Kind.text, sizeof(Kind.text) - 1};
  double share = 0;
};

// Lambdas for std::visit, one per alternative: std::visit(Overloaded{[](const A&) {}, ...}, value).
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
// C++20 deduces this for aggregates, but clang 16 (the fuzz build's compiler) does not yet.
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace munisim
