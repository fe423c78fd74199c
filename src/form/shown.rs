//! Which validation errors a form shows: none while the user is still
//! typing a field for the first time, a field's own once it was left, and
//! all of them once the user asked to review the request. Pure.

use std::collections::BTreeSet;

use ccm_api::validate::ValidationError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// "Review request" was pressed: every error shows.
    pub reviewed: bool,
    /// Wire paths of the fields the user has left.
    pub left: BTreeSet<String>,
}

impl Shown {
    /// The errors to show, in their order.
    pub fn filter(&self, errors: &[ValidationError]) -> Vec<ValidationError> {
        errors.iter().filter(|e| self.reviewed || self.left.iter().any(|p| is_under(&e.field, p))).cloned().collect()
    }
}

/// Whether `field` is `path` or inside it (`validity.value` is inside
/// `validity`).
fn is_under(field: &str, path: &str) -> bool {
    field == path || field.strip_prefix(path).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The first message for `path` or a field inside it.
pub fn message_under(errors: &[ValidationError], path: &str) -> Option<String> {
    errors.iter().find(|e| is_under(&e.field, path)).map(|e| e.message.clone())
}

/// The message for exactly `path` (a list entry: `…[2].value`).
pub fn message_at(errors: &[ValidationError], path: &str) -> Option<String> {
    errors.iter().find(|e| e.field == path).map(|e| e.message.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors() -> Vec<ValidationError> {
        vec![
            ValidationError::new("distinguished_name.country", "is required"),
            ValidationError::new("validity.value", "at most 30 years"),
            ValidationError::new("subject_alternative_names[1].value", "not a DNS name"),
        ]
    }

    #[test]
    fn nothing_shows_before_a_field_is_left_or_the_form_reviewed() {
        assert!(Shown::default().filter(&errors()).is_empty());
    }

    #[test]
    fn a_left_field_shows_its_own_error_only() {
        let shown = Shown { reviewed: false, left: BTreeSet::from(["distinguished_name.country".to_owned()]) };
        let fields: Vec<_> = shown.filter(&errors()).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["distinguished_name.country"]);
        // A parent path covers its children, a sibling with a common prefix does not.
        let shown = Shown { reviewed: false, left: BTreeSet::from(["validity".to_owned(), "distinguished_name.c".to_owned()]) };
        let fields: Vec<_> = shown.filter(&errors()).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["validity.value"]);
    }

    #[test]
    fn review_shows_everything() {
        assert_eq!(Shown { reviewed: true, left: BTreeSet::new() }.filter(&errors()), errors());
    }

    #[test]
    fn messages_by_path() {
        assert_eq!(message_under(&errors(), "validity").as_deref(), Some("at most 30 years"));
        assert_eq!(message_under(&errors(), "subject_alternative_names").as_deref(), Some("not a DNS name"));
        assert_eq!(message_at(&errors(), "subject_alternative_names").as_deref(), None);
        assert_eq!(message_at(&errors(), "subject_alternative_names[1].value").as_deref(), Some("not a DNS name"));
    }
}
