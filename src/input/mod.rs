//! Untyped input as it arrives (from JSON, from JavaScript, from a form):
//! every field may be missing, `null`, of the wrong type, or present. The
//! rules work on these shapes so that a wrong type becomes an issue, never a
//! parse failure, and every problem in a body is found in one pass.
//!
//! A request is flat: one [`Slot`] per [`Field`] of the table (and per older
//! name of one), whatever the connection type, so that nothing here knows
//! a type: a detail object's fields are slots like the name's, and the
//! object itself is the slot of its object field. The JSON reader
//! ([`json`], feature `json`), the npm validator's buffers
//! (`js::layout`) and the console's form all fill the same slots.
//!
//! The shapes are generic over how a string is held (`S`): owned `String`s
//! from JSON and the console's form, or `&str` borrowed from the npm
//! validator's buffer, so that reading a request from JavaScript
//! allocates nothing.

#[cfg(feature = "json")]
pub mod json;

use crate::fields::{Field, ALIASES, ALL_FIELDS};
use alloc::vec::Vec;

pub use crate::fields::{CREATE_KEYS, UPDATE_KEYS};

/// The type of a value, as JavaScript's `typeof` (and JSON) tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ValueKind {
    Null = 0,
    Boolean,
    Number,
    String,
    Array,
    Object,
    BigInt,
    Symbol,
    Function,
    /// A property whose getter threw (JavaScript only).
    Unreadable,
}

impl ValueKind {
    /// Every kind, in discriminant order.
    pub const ALL: [ValueKind; 10] = [
        ValueKind::Null,
        ValueKind::Boolean,
        ValueKind::Number,
        ValueKind::String,
        ValueKind::Array,
        ValueKind::Object,
        ValueKind::BigInt,
        ValueKind::Symbol,
        ValueKind::Function,
        ValueKind::Unreadable,
    ];

    /// The name used in messages and JS issue params, e.g. `"string"`.
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Null => "null",
            ValueKind::Boolean => "boolean",
            ValueKind::Number => "number",
            ValueKind::String => "string",
            ValueKind::Array => "array",
            ValueKind::Object => "object",
            ValueKind::BigInt => "bigint",
            ValueKind::Symbol => "symbol",
            ValueKind::Function => "function",
            ValueKind::Unreadable => "unreadable",
        }
    }
}

/// One field as a rule sees it: of the type the rule expects, or not.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Raw<T> {
    /// The property is absent (or `undefined` in JavaScript).
    #[default]
    Missing,
    /// The property is `null`.
    Null,
    /// The property has the expected type.
    Value(T),
    /// The property has another type.
    WrongType(ValueKind),
    /// A string that is not Unicode text: it holds an unpaired UTF-16
    /// surrogate at this 1-based character position (JavaScript strings
    /// and JSON escapes can; UTF-8 cannot).
    LoneSurrogate(usize),
}

impl<T> Raw<T> {
    /// The value, if present and of the right type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Raw::Value(value) => Some(value),
            _ => None,
        }
    }

    /// True when the property is absent or `null`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Raw::Missing | Raw::Null)
    }
}

impl<S: AsRef<str>> Raw<S> {
    /// The same, the string borrowed.
    pub fn as_str(&self) -> Raw<&str> {
        match self {
            Raw::Missing => Raw::Missing,
            Raw::Null => Raw::Null,
            Raw::Value(value) => Raw::Value(value.as_ref()),
            Raw::WrongType(kind) => Raw::WrongType(*kind),
            Raw::LoneSurrogate(position) => Raw::LoneSurrogate(*position),
        }
    }
}

impl From<&str> for Raw<alloc::string::String> {
    fn from(value: &str) -> Self {
        Raw::Value(alloc::string::String::from(value))
    }
}

/// One property as it arrived, before any rule says what it should be.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot<S = alloc::string::String> {
    /// Absent (or `undefined`).
    #[default]
    Missing,
    Null,
    Text(S),
    Flag(bool),
    /// An object: its properties are the slots of its fields.
    Object,
    /// Any other value, by kind.
    Other(ValueKind),
    /// A string holding an unpaired UTF-16 surrogate at this 1-based
    /// character position.
    LoneSurrogate(usize),
}

impl<S> Slot<S> {
    /// The kind of value this slot holds (`String` for a lone surrogate).
    pub fn kind(&self) -> ValueKind {
        match self {
            Slot::Missing | Slot::Null => ValueKind::Null,
            Slot::Text(_) | Slot::LoneSurrogate(_) => ValueKind::String,
            Slot::Flag(_) => ValueKind::Boolean,
            Slot::Object => ValueKind::Object,
            Slot::Other(kind) => *kind,
        }
    }

    /// The slot as a rule expecting `value`'s type sees it.
    fn view<'a, T>(&'a self, value: impl FnOnce(&'a Self) -> Option<T>) -> Raw<T> {
        match self {
            Slot::Missing => Raw::Missing,
            Slot::Null => Raw::Null,
            other => match value(other) {
                Some(value) => Raw::Value(value),
                None => Raw::WrongType(other.kind()),
            },
        }
    }
}

/// Slots: one per field (its discriminant), then one per older name
/// ([`older_slot`]).
pub const SLOTS: usize = ALL_FIELDS.len() + ALIASES.len();

/// The object each slot's field is a property of (an older name's: its
/// field's), by slot.
pub const SLOT_PARENTS: [Field; SLOTS] = {
    let mut parents = [Field::Root; SLOTS];
    let mut index = 1;
    while index < ALL_FIELDS.len() {
        if let Some(spec) = ALL_FIELDS[index].spec() {
            parents[index] = spec.parent();
        }
        index += 1;
    }
    let mut alias = 0;
    while alias < ALIASES.len() {
        if let Some(spec) = ALIASES[alias].field.spec() {
            parents[ALL_FIELDS.len() + alias] = spec.parent();
        }
        alias += 1;
    }
    parents
};

/// The slot of `field`'s older name: after every field's, in [`ALIASES`]
/// order ([`SLOTS`] when it has none).
pub fn older_slot(field: Field) -> usize {
    ALL_FIELDS.len()
        + ALIASES
            .iter()
            .position(|alias| alias.field == field)
            .unwrap_or(ALIASES.len())
}

/// A request body's properties, flat: create and update alike (the rules
/// say which fields each may have).
#[derive(Debug, Clone, PartialEq)]
pub struct Input<S = alloc::string::String> {
    slots: [Slot<S>; SLOTS],
    /// Properties that are not fields of their object, as `(object,
    /// name)`, in input order.
    pub unknown_keys: Vec<(Field, S)>,
}

/// A create request body's properties.
pub type CreateInput<S = alloc::string::String> = Input<S>;
/// An update request body's properties.
pub type UpdateInput<S = alloc::string::String> = Input<S>;

impl<S> Default for Input<S> {
    fn default() -> Self {
        Input {
            slots: core::array::from_fn(|_| Slot::Missing),
            unknown_keys: Vec::new(),
        }
    }
}

impl<S> Input<S> {
    /// The slot at `index` (a field's discriminant, or [`older_slot`]).
    pub fn slot(&self, index: usize) -> Option<&Slot<S>> {
        self.slots.get(index)
    }

    /// Sets the slot at `index` (a field's discriminant, or [`older_slot`]).
    pub fn set(&mut self, index: usize, value: Slot<S>) {
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = value;
        }
    }

    /// Sets `field`'s value.
    pub fn set_field(&mut self, field: Field, value: Slot<S>) {
        self.set(field as usize, value);
    }

    /// Empties the properties of the object `parent` (its fields, their
    /// older names and its unknown keys): a property given twice is read
    /// as its last value, an object's too.
    pub fn clear_object(&mut self, parent: Field) {
        for field in ALL_FIELDS {
            if field.spec().is_some_and(|spec| spec.parent() == parent) {
                self.set(field as usize, Slot::Missing);
                if field.alias().is_some() {
                    self.set(older_slot(field), Slot::Missing);
                }
            }
        }
        self.unknown_keys.retain(|(object, _)| *object != parent);
    }

    /// Whether the object field `field` holds an object.
    pub fn has_object(&self, field: Field) -> bool {
        matches!(self.slot(field as usize), Some(Slot::Object))
    }
}

impl<S: AsRef<str>> Input<S> {
    /// A string field as the rules see it.
    pub fn text(&self, field: Field) -> Raw<&str> {
        self.text_at(field as usize)
    }

    /// The string at slot `index` as the rules see it.
    pub fn text_at(&self, index: usize) -> Raw<&str> {
        match self.slot(index) {
            None => Raw::Missing,
            Some(Slot::LoneSurrogate(position)) => Raw::LoneSurrogate(*position),
            Some(slot) => slot.view(|slot| match slot {
                Slot::Text(text) => Some(text.as_ref()),
                _ => None,
            }),
        }
    }

    /// A boolean field as the rules see it.
    pub fn flag(&self, field: Field) -> Raw<bool> {
        self.flag_at(field as usize)
    }

    /// The boolean at slot `index` as the rules see it.
    pub fn flag_at(&self, index: usize) -> Raw<bool> {
        self.slot(index).map_or(Raw::Missing, |slot| {
            slot.view(|slot| match slot {
                Slot::Flag(on) => Some(*on),
                _ => None,
            })
        })
    }

    /// An object field as the rules see it (`Value(())`: an object).
    pub fn object(&self, field: Field) -> Raw<()> {
        self.slot(field as usize).map_or(Raw::Missing, |slot| {
            slot.view(|slot| matches!(slot, Slot::Object).then_some(()))
        })
    }

    /// The unknown property names of the object `parent`, in input order.
    pub fn unknown_keys_of(&self, parent: Field) -> impl Iterator<Item = &str> + Clone {
        self.unknown_keys
            .iter()
            .filter(move |(object, _)| *object == parent)
            .map(|(_, key)| key.as_ref())
    }
}

/// A request's properties as the rules read them, wherever they are
/// held: an [`Input`] (JSON, the console's form), or the npm validator's
/// buffers read in place (`js::layout::Reader`), so that a validation
/// copies nothing.
pub trait Fields {
    /// The string at slot `index` (a field's discriminant, or [`older_slot`]).
    fn text_at(&self, index: usize) -> Raw<&str>;
    /// The boolean at slot `index`.
    fn flag_at(&self, index: usize) -> Raw<bool>;
    /// An object field (`Value(())`: an object).
    fn object(&self, field: Field) -> Raw<()>;
    /// Whether slot `index` holds anything at all (`null` included).
    fn given(&self, index: usize) -> bool;
    /// The unknown property names of the object `parent`, in input order.
    fn unknown_keys_of(&self, parent: Field) -> impl Iterator<Item = &str>;

    /// A string field.
    fn text(&self, field: Field) -> Raw<&str> {
        self.text_at(field as usize)
    }

    /// A boolean field.
    fn flag(&self, field: Field) -> Raw<bool> {
        self.flag_at(field as usize)
    }
}

impl<S: AsRef<str>> Fields for Input<S> {
    fn text_at(&self, index: usize) -> Raw<&str> {
        Input::text_at(self, index)
    }
    fn flag_at(&self, index: usize) -> Raw<bool> {
        Input::flag_at(self, index)
    }
    fn object(&self, field: Field) -> Raw<()> {
        Input::object(self, field)
    }
    fn given(&self, index: usize) -> bool {
        !matches!(self.slot(index), None | Some(Slot::Missing))
    }
    fn unknown_keys_of(&self, parent: Field) -> impl Iterator<Item = &str> {
        Input::unknown_keys_of(self, parent)
    }
}

/// A whole request body: an object, or something else entirely.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<T> {
    Object(T),
    NotObject(ValueKind),
}
