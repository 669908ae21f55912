#pragma once

// How long a test waits for a state it expects. A sanitised build is many times slower than a
// release one, and on a busy two-core machine (CI runs the ThreadSanitizer tests beside the
// AddressSanitizer build; "another build keeps both cores busy") the app's workers, which run at
// a lower CPU priority than anything else so the GUI never waits, get a small share of a core:
// a race to step 1,000 then takes minutes. A wait ends as soon as its state is reached, so the
// bound costs nothing when things go well.

namespace relulab::test {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
inline constexpr bool Sanitized = true;
#else
inline constexpr bool Sanitized = false;
#endif

inline constexpr int StateTimeoutMs = Sanitized ? 600'000 : 60'000;

} // namespace relulab::test
