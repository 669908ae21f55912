# relulab_sanitizers: compile and link flags for RELULAB_SANITIZE (e.g. "address,undefined" or
# "thread"). relulab_core links it PUBLIC, so every library, test and executable above it is
# instrumented the same way; a half-instrumented binary gives false reports.
add_library(relulab_sanitizers INTERFACE)
if(RELULAB_SANITIZE)
    if(RELULAB_SANITIZE MATCHES "thread" AND RELULAB_USE_OPENMP)
        message(FATAL_ERROR "ThreadSanitizer does not understand libgomp: configure with -DRELULAB_USE_OPENMP=OFF")
    endif()
    target_compile_options(relulab_sanitizers INTERFACE
        -fsanitize=${RELULAB_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(relulab_sanitizers INTERFACE -fsanitize=${RELULAB_SANITIZE})
endif()
