# Warnings every munisim target builds with; a warning is a bug.
# -Wno-restrict: g++ 12 reports false positives inside std::string concatenation at -O3 (GCC bug 105329).
add_library(munisim_warnings INTERFACE)
target_compile_options(munisim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion -Wno-restrict $<$<BOOL:${MUNISIM_WERROR}>:-Werror>)
install(TARGETS munisim_warnings EXPORT munisimTargets)
