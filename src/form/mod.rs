//! One machinery for the request forms (create CA, apply, issue from a
//! CSR, and those to come): a draft struct of typed text turned into the
//! exact request by pure code, the contract's field rules for the required
//! markers, errors shown once a field is left or the form reviewed, the
//! request shown before it is sent, and one guarded send.
//!
//! - [`draft`] has the parts drafts share (`SubjectDraft`, `finish`);
//! - `draft_signals!` declares one signal per draft field;
//! - [`page`] is a request page's opening (`FormPage`) and frame (`FormFrame`);
//! - [`request_form::RequestForm`] holds the check, what is shown, the
//!   previewed request and the send;
//! - [`field::RuleField`] is a text field bound to one wire path, and
//!   [`field::RuleSelect`] a select;
//! - [`review`] has the "Review request" footer and the send panel;
//! - [`action::ActionRunner`] runs the lifecycle actions behind a confirmation;
//! - [`consent::PrivacyConsent`] is the privacy consent of an order or application.

pub mod action;
pub mod consent;
pub mod draft;
pub mod draft_signals;
pub mod field;
pub mod message;
pub mod own_problem;
pub mod page;
pub mod request_form;
pub mod review;
pub mod rule_words;
pub mod shown;
