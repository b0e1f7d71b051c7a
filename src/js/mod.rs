//! The npm validator's wasm exports (feature `js`): numbers in, numbers out.
//!
//! A validation crosses into wasm once. The package's JavaScript reader
//! (the first half of its `core.js`, generated from
//! [`crate::fields::FIELDS`] by `examples/npm_codegen.rs`) reads the known
//! properties in the JIT (getter- and Proxy-safe), writes their strings
//! into the buffers of [`layout`], calls one export, and reads the verdict
//! back as numbers; a valid result is built in JavaScript from the very
//! values it read, and messages are rendered there from the templates of
//! [`crate::i18n`]. Every rule runs here, in Rust.
//!
//! The export surface is small on purpose: no JS value, string or closure
//! crosses, so wasm-bindgen's glue is a few lines and the module needs no
//! `std` (see [`runtime`]).

pub mod layout;

use layout::{Io, Utf8Written};
use wasm_bindgen::prelude::*;

/// The module's one set of buffers. The lock is never contended: wasm32
/// runs one thread, and no JavaScript runs while an export holds it.
static IO: spin::Mutex<Io> = spin::Mutex::new(Io::new());

/// Where the field slots are (`i32`s; the address never changes).
#[wasm_bindgen]
pub fn io_slots() -> usize {
    IO.lock().input.slots.as_ptr() as usize
}

/// Makes room for `capacity` bytes of UTF-8; returns where they go (the
/// address changes only when the room grows).
#[wasm_bindgen]
pub fn io_bytes(capacity: usize) -> usize {
    let mut io = IO.lock();
    io.input.reserve_bytes(capacity);
    io.input.bytes.as_ptr() as usize
}

/// Makes room for `count` unknown property names; returns where they go.
#[wasm_bindgen]
pub fn io_keys(count: usize) -> usize {
    let mut io = IO.lock();
    io.input.reserve_keys(count);
    io.input.keys.as_ptr() as usize
}

/// Validates the create request in the buffers: `keys` unknown property
/// names, a text of `units` UTF-16 units written as `bytes` bytes of UTF-8,
/// `surrogates_marked` when JavaScript has tagged the strings holding an
/// unpaired surrogate (see [`layout::Input::begin`]). Returns where the
/// verdict is.
#[wasm_bindgen]
pub fn validate_create(keys: usize, units: usize, bytes: usize, surrogates_marked: bool) -> usize {
    let mut io = IO.lock();
    io.input.begin(keys, units, bytes, surrogates_marked);
    io.validate_create(Some(written_by_encode_into()));
    io.output.out.as_ptr() as usize
}

/// Validates the update request in the buffers; returns where the verdict is.
#[wasm_bindgen]
pub fn validate_update(keys: usize, units: usize, bytes: usize, surrogates_marked: bool) -> usize {
    let mut io = IO.lock();
    io.input.begin(keys, units, bytes, surrogates_marked);
    io.validate_update(Some(written_by_encode_into()));
    io.output.out.as_ptr() as usize
}

/// Validates the string field whose discriminant is `field` (its text as
/// for [`validate_create`]; `switched_on` is its object's switch, SASL_SSL or
/// ACL, for credentials); returns where the verdict is.
#[wasm_bindgen]
pub fn validate_field(field: u32, switched_on: bool, units: usize, bytes: usize, surrogates_marked: bool) -> usize {
    let mut io = IO.lock();
    io.input.begin(0, units, bytes, surrogates_marked);
    io.validate_field(field, switched_on, Some(written_by_encode_into()));
    io.output.out.as_ptr() as usize
}

/// The text the exports read is UTF-8. Safe Rust cannot write [`IO`]'s
/// buffers (the static is private; only addresses leave it, and `io_bytes`
/// fills new room with zeros), so only JavaScript does: the package's
/// runtime (`npm/src/runtime.js`), with one `TextEncoder.encodeInto` into
/// the room `io_bytes` made (three bytes per UTF-16 unit, so it never
/// stops short), passing its `written` count as `bytes`. The instance is
/// private to `core.js`; no other code writes its memory.
fn written_by_encode_into() -> Utf8Written {
    #[allow(unsafe_code)]
    // SAFETY: see above; `encodeInto` writes UTF-8 only.
    unsafe {
        Utf8Written::promise()
    }
}

/// What `std` would bring, for the `no_std` build browsers download: an
/// allocator, and a panic handler that traps
/// without formatting anything (no panic is expected: a trap is a bug, and
/// the JavaScript side reports it as an error instead of a verdict).
#[cfg(all(not(feature = "std"), target_arch = "wasm32"))]
mod runtime {
    use lol_alloc::{FreeListAllocator, LockedAllocator};

    #[global_allocator]
    static ALLOCATOR: LockedAllocator<FreeListAllocator> = LockedAllocator::new(FreeListAllocator::new());

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        core::arch::wasm32::unreachable()
    }
}
