# Warnings every munisim target builds with; a warning is a bug.
add_library(munisim_warnings INTERFACE)
target_compile_options(munisim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion $<$<BOOL:${MUNISIM_WERROR}>:-Werror>)
install(TARGETS munisim_warnings EXPORT munisimTargets)
