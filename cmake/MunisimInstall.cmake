# Installs munisim as a CMake package: find_package(munisim) gives munisim::munisim.
include(CMakePackageConfigHelpers)
# Headers keep their in-tree paths ("sim/core/rng.hpp") under include/munisim/.
install(DIRECTORY sim DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/munisim
        FILES_MATCHING PATTERN "*.hpp" PATTERN "app" EXCLUDE PATTERN "detail" EXCLUDE)
install(FILES "${PROJECT_BINARY_DIR}/generated/munisim/version.hpp"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/munisim/munisim)
install(EXPORT munisimTargets NAMESPACE munisim::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/munisim)
configure_package_config_file(cmake/munisimConfig.cmake.in
        "${PROJECT_BINARY_DIR}/munisimConfig.cmake"
        INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/munisim)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/munisimConfigVersion.cmake"
        COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/munisimConfig.cmake" "${PROJECT_BINARY_DIR}/munisimConfigVersion.cmake"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/munisim)
