//! Messages, kept apart from codes: one [`Table`] per locale, and nothing
//! else in the crate knows any wording. A third language is one new table
//! (a file like `en.rs`) and one [`Locale`] variant.

mod en;
mod zh_cn;

use crate::issue::{Field, Issue};

/// A language the messages are available in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Locale {
    /// Every locale, in the order a language menu lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag: `en` or `zh-CN`.
    pub fn tag(self) -> &'static str {
        self.table().tag
    }

    /// The language's own name, for a language menu.
    pub fn native_name(self) -> &'static str {
        self.table().native_name
    }

    /// The locale for a BCP 47 tag: exact tags first, then by language
    /// (`zh`, `zh-Hans`, `zh-SG` read as Simplified Chinese; `en-GB` as English).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(tag))
            .or_else(|| {
                Locale::ALL.into_iter().find(|locale| {
                    let own = locale.tag().split('-').next().unwrap_or_default();
                    own.eq_ignore_ascii_case(language)
                })
            })
    }

    fn table(self) -> &'static Table {
        match self {
            Locale::En => &en::TABLE,
            Locale::ZhCn => &zh_cn::TABLE,
        }
    }
}

/// Everything one language says.
pub struct Table {
    /// BCP 47 tag.
    pub tag: &'static str,
    /// The language's name in itself.
    pub native_name: &'static str,
    /// A field's label as the form shows it.
    pub field_label: fn(Field) -> &'static str,
    /// The sentence for an issue, given the field's label.
    pub message: fn(&Issue, &str) -> String,
}

/// The label of `field` in `locale`.
pub fn field_label(field: Field, locale: Locale) -> &'static str {
    (locale.table().field_label)(field)
}

/// The human sentence for `issue` in `locale`.
pub fn message(issue: &Issue, locale: Locale) -> String {
    let table = locale.table();
    (table.message)(issue, (table.field_label)(issue.field))
}
