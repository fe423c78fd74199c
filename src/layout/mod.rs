pub mod nav;
pub mod shell;
pub mod theme;
