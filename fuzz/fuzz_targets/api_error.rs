#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ccm_api::fuzzing::error_body(data));
