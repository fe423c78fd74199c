pub mod lazy_page;
pub mod language;
pub mod lazy_view;
pub mod nav;
pub mod pending_requests;
pub mod shell;
pub mod sign_in_again;
pub mod theme;
