pub mod api_error;
pub mod badges;
pub mod confirm;
pub mod field;
pub mod notifications;
pub mod planned;
pub mod quota_cards;
pub mod session_badge;
