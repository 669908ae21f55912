# relulab_warnings: the project's warning set as an INTERFACE target, linked PRIVATE by each of the
# project's own targets so that it never leaks into anything that consumes them.
add_library(relulab_warnings INTERFACE)
target_compile_options(relulab_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wold-style-cast -Wsuggest-override
    -Wnon-virtual-dtor
    $<$<BOOL:${RELULAB_WARNINGS_AS_ERRORS}>:-Werror>)
