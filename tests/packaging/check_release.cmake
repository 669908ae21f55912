# cmake -DVERSION=x.y.z -DMETAINFO=file -DCHANGELOG=file -P check_release.cmake
#
# A new project version needs its release notes: an AppStream <release> and the newest entry of
# the Debian changelog must both name it.
file(READ "${METAINFO}" metainfo)
string(REPLACE "." "\\." version "${VERSION}")
if(NOT metainfo MATCHES "<release version=\"${version}\" date=\"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\"")
    message(FATAL_ERROR "${METAINFO}: no <release version=\"${VERSION}\" date=\"YYYY-MM-DD\">")
endif()
file(STRINGS "${CHANGELOG}" first LIMIT_COUNT 1)
if(NOT first MATCHES "^relulab \\(${version}\\) ")
    message(FATAL_ERROR "${CHANGELOG}: the newest entry is '${first}', not version ${VERSION}")
endif()
message(STATUS "release notes name version ${VERSION}")
