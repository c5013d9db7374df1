# Debian packages (`cpack -G DEB` in build/): lobby-kiosk and
# lobby-office-server, one CPack component each, from this one tree.
# Files in packaging/; the package test (tests/package/) checks the result.
include(GNUInstallDirs)
set(pkg ${CMAKE_SOURCE_DIR}/packaging)
set(pkg_build ${CMAKE_BINARY_DIR}/packaging)

# Debian wants compressed, timestamp-free man pages and changelogs.
function(lobby_gzip source target)
  get_filename_component(dir ${target} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  execute_process(COMMAND gzip -9nc ${source} OUTPUT_FILE ${target} COMMAND_ERROR_IS_FATAL ANY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
endfunction()

# A program installed under its package's name, stripped as dh_strip would.
function(lobby_install_program target name component)
  install(PROGRAMS $<TARGET_FILE:${target}> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME ${name} COMPONENT ${component})
  install(CODE "execute_process(COMMAND strip --remove-section=.comment --remove-section=.note --strip-unneeded
                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${name}\" COMMAND_ERROR_IS_FATAL ANY)"
          COMPONENT ${component})
endfunction()

# What every package carries: copyright, changelog, man page, unit, scripts.
function(lobby_package_docs package dir manpage)
  lobby_gzip(${pkg}/changelog ${pkg_build}/${package}/changelog.gz)
  lobby_gzip(${pkg}/${dir}/${manpage} ${pkg_build}/${package}/${manpage}.gz)
  install(FILES ${pkg}/copyright ${pkg_build}/${package}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${dir})
  install(FILES ${pkg_build}/${package}/${manpage}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${dir})
  # Debian 12 keeps system units in /lib/systemd/system (not merged into /usr yet).
  install(FILES ${pkg}/${dir}/${package}.service DESTINATION /lib/systemd/system COMPONENT ${dir})
endfunction()

set(lobby_components office)
if(LOBBY_BUILD_KIOSK)
  list(APPEND lobby_components kiosk)
endif()

# --- lobby-office-server --------------------------------------------------
lobby_install_program(office-server lobby-office-server office)
lobby_package_docs(lobby-office-server office lobby-office-server.1)
install(FILES ${pkg}/office/office-server.toml DESTINATION /etc/lobby-office COMPONENT office)
# The staff console's files keep their source-tree paths under the share
# folder (ServerConfig::console_root).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/sync/server/console/templates ${CMAKE_SOURCE_DIR}/sync/server/console/static
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lobby-office/sync/server/console COMPONENT office)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/locale/console
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lobby-office/locale COMPONENT office)
# The nginx site in front of the server (README "TLS"), as an example to copy
# into /etc/nginx/sites-available: it cannot work before the site's name and
# certificate are set, so the package neither enables it nor owns nginx's
# configuration (nor needs nginx installed: a small site may use --tls-cert).
install(FILES ${pkg}/nginx/lobby-office.conf
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/lobby-office-server/examples/nginx COMPONENT office)

# --- lobby-kiosk ------------------------------------------------------------
if(LOBBY_BUILD_KIOSK)
  lobby_install_program(kiosk lobby-kiosk kiosk)
  lobby_package_docs(lobby-kiosk kiosk lobby-kiosk.1)
  install(FILES ${pkg}/kiosk/kiosk.toml DESTINATION /etc/lobby-kiosk COMPONENT kiosk)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/locale/ DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lobby-kiosk/locale
          COMPONENT kiosk PATTERN console EXCLUDE)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lobby-kiosk/assets COMPONENT kiosk)
  # The Rime schemas deployed at build time (kiosk_input_data), so the kiosk
  # never compiles them on the lobby PC.
  install(DIRECTORY ${CMAKE_BINARY_DIR}/input-data/ DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lobby-kiosk/input-data
          COMPONENT kiosk PATTERN deployed.stamp EXCLUDE)
endif()

# --- CPack ----------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Lobby Kiosk team <lobby-kiosk@example.com>")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${lobby_components})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_OFFICE_PACKAGE_NAME lobby-office-server)
set(CPACK_DEBIAN_OFFICE_PACKAGE_SECTION net)
set(CPACK_DEBIAN_OFFICE_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_OFFICE_PACKAGE_SUGGESTS "nginx")
set(CPACK_COMPONENT_OFFICE_DESCRIPTION "property office server for the Lobby Kiosk touchscreens
The HTTP API the lobby kiosks sync with (bills, repairs, visitors, notices,
surveys), the pay pages and the staff console, on one SQLite database.
Runs as the hardened lobby-office-server service.")
set(CPACK_DEBIAN_OFFICE_PACKAGE_CONTROL_EXTRA
    ${pkg}/office/conffiles ${pkg}/office/postinst ${pkg}/office/prerm ${pkg}/office/postrm)
set(CPACK_DEBIAN_OFFICE_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME lobby-kiosk)
# Beyond the libraries (shlibdeps): the compositor and the GL driver SDL2
# reaches through EGL under it (both loaded at run time, so shlibdeps cannot
# see them), the fonts, the voices and the text-entry data the kiosk reads,
# and adduser for postinst. Xwayland too: Debian's cage 0.1.4 refuses to
# start without it ("Cannot create XWayland server"), yet does not depend on
# it. And libpam-systemd: the unit's login session (PAMName=login) gets its
# XDG_RUNTIME_DIR and its seat from logind through it; without it (a minimal
# Debian 12) cage stops at once, "XDG_RUNTIME_DIR is not set".
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "adduser, cage, xwayland, libpam-systemd, libegl1, libegl-mesa0, libgl1-mesa-dri, fonts-noto-cjk, fonts-font-awesome, espeak-ng-data, rime-prelude, rime-essay, rime-data-luna-pinyin, rime-data-jyut6ping3, rime-data-stroke, tegaki-zinnia-simplified-chinese")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "lobby touchscreen of a residential estate
Fees, repairs, visitors, notices and surveys for the residents, by touch,
in Chinese and English, working offline from a local cache. Runs full
screen under cage on tty1 as the lobby-kiosk service.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${pkg}/kiosk/conffiles ${pkg}/kiosk/postinst ${pkg}/kiosk/prerm ${pkg}/kiosk/postrm)
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
