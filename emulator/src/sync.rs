//! One lock helper for every shared table of the emulator.

use std::sync::{Mutex, MutexGuard};

/// Locks `mutex`, ignoring poison: nothing here is left half-changed under
/// a lock (each critical section is one insert, remove or read), so a
/// panic elsewhere never makes the data unusable.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
