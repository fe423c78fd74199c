pub mod nav;
pub mod shell;
