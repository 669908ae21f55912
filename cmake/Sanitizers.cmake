# relulab_sanitizers: compile and link flags for RELULAB_SANITIZE (e.g. "address,undefined" or
# "thread"). relulab_core links it PUBLIC, so every library, test and executable above it is
# instrumented the same way; a half-instrumented binary gives false reports.
add_library(relulab_sanitizers INTERFACE)
# RELULAB_FUZZ: everything gets libFuzzer's coverage instrumentation (fuzzer-no-link; the fuzz
# targets link libFuzzer itself) and, unless told otherwise, AddressSanitizer + UBSan.
if(RELULAB_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "RELULAB_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    if(NOT RELULAB_SANITIZE)
        set(RELULAB_SANITIZE "address,undefined")
    endif()
    target_compile_options(relulab_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(RELULAB_SANITIZE)
    if(RELULAB_SANITIZE MATCHES "thread" AND RELULAB_USE_OPENMP)
        message(FATAL_ERROR "ThreadSanitizer does not understand libgomp: configure with -DRELULAB_USE_OPENMP=OFF")
    endif()
    target_compile_options(relulab_sanitizers INTERFACE
        -fsanitize=${RELULAB_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(relulab_sanitizers INTERFACE -fsanitize=${RELULAB_SANITIZE})
endif()
