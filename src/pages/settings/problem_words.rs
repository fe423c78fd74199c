//! A profile's problems (`state::profile`) worded in the reader's
//! language. Host names, ports and regions are data, in backticks so the
//! field shows them as code (`form::message`).

use ccm_api::endpoints::HostProblem;

use crate::form::message::code_mark;
use crate::i18n::{td_string, Locale};
use crate::state::profile::{ProfileProblem, ProxyProblem};

pub fn host_words(p: &HostProblem, l: Locale) -> String {
    match p {
        HostProblem::Empty => td_string!(l, settings.p_host_empty, example = code_mark("ccm.ap-southeast-3.myhuaweicloud.com")).to_string(),
        HostProblem::HasScheme => td_string!(l, settings.p_host_scheme, scheme = code_mark("https://")).to_string(),
        HostProblem::HasExtra => td_string!(l, settings.p_host_extra).to_string(),
        HostProblem::BadPort(port) => td_string!(l, settings.p_host_port, port = code_mark(port)).to_string(),
        HostProblem::BadName(name) => td_string!(l, settings.p_host_name, name = code_mark(name)).to_string(),
    }
}

pub fn proxy_words(p: &ProxyProblem, l: Locale) -> String {
    match p {
        ProxyProblem::Empty => td_string!(l, settings.p_proxy_empty, example = code_mark("/proxy")).to_string(),
        ProxyProblem::HasExtra => td_string!(l, settings.p_proxy_extra).to_string(),
        ProxyProblem::BadStart => td_string!(l, settings.p_proxy_start, slash = code_mark("/"), https = code_mark("https://")).to_string(),
        ProxyProblem::HasCredentials => td_string!(l, settings.p_proxy_credentials).to_string(),
        ProxyProblem::Host(h) => td_string!(l, settings.p_proxy_host, problem = host_words(h, l)).to_string(),
    }
}

pub fn profile_words(p: &ProfileProblem, l: Locale) -> String {
    match p {
        ProfileProblem::NameMissing => td_string!(l, settings.p_name_missing).to_string(),
        ProfileProblem::TooLong { max } => td_string!(l, settings.p_too_long, max = max).to_string(),
        ProfileProblem::UnknownRegion { known } => {
            let known = known.iter().map(|r| code_mark(r)).collect::<Vec<_>>().join(", ");
            td_string!(l, settings.p_unknown_region, known = known).to_string()
        }
        ProfileProblem::Host(h) => host_words(h, l),
        ProfileProblem::Proxy(p) => proxy_words(p, l),
        ProfileProblem::DomainId => td_string!(l, settings.p_domain_id).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<ProfileProblem> {
        let hosts = [
            HostProblem::Empty,
            HostProblem::HasScheme,
            HostProblem::HasExtra,
            HostProblem::BadPort("0".into()),
            HostProblem::BadName("-x".into()),
        ];
        let mut all = vec![
            ProfileProblem::NameMissing,
            ProfileProblem::TooLong { max: 64 },
            ProfileProblem::UnknownRegion { known: &["ap-southeast-1", "cn-north-4"] },
            ProfileProblem::DomainId,
        ];
        for p in [ProxyProblem::Empty, ProxyProblem::HasExtra, ProxyProblem::BadStart, ProxyProblem::HasCredentials] {
            all.push(ProfileProblem::Proxy(p));
        }
        for h in hosts {
            all.push(ProfileProblem::Proxy(ProxyProblem::Host(h.clone())));
            all.push(ProfileProblem::Host(h));
        }
        all
    }

    #[test]
    fn english_is_the_problems_own_words_and_chinese_keeps_only_data_in_latin_letters() {
        for p in every() {
            let (en, zh) = (profile_words(&p, Locale::en), profile_words(&p, Locale::zh_CN));
            assert_ne!(en, zh, "{p:?}");
            let plain: String = zh.split('`').step_by(2).collect();
            let plain = ["ID", "URL"].iter().fold(plain, |s, t| s.replace(t, ""));
            assert!(!plain.chars().any(|c| c.is_ascii_alphabetic()), "{p:?}: {zh}");
        }
        // ccm-api's English words and ours agree, data marks aside.
        let h = HostProblem::BadName("-x".into());
        assert_eq!(host_words(&h, Locale::en).replace('`', "'"), h.to_string());
        assert_eq!(host_words(&HostProblem::HasScheme, Locale::en).replace('`', ""), HostProblem::HasScheme.to_string());
    }

    #[test]
    fn the_regions_are_listed_as_code_mark() {
        let p = ProfileProblem::UnknownRegion { known: &["ap-southeast-1", "cn-north-4"] };
        assert!(profile_words(&p, Locale::zh_CN).contains("`ap-southeast-1`, `cn-north-4`"));
        assert_eq!(profile_words(&ProfileProblem::TooLong { max: 64 }, Locale::en), "at most 64 characters");
    }
}
