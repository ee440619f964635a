//! Tells the test suite what this machine lets it do, so that a test which cannot do what it
//! tests here is reported as ignored, with its reason, in cargo's summary, rather than passing
//! without having run (the disk campaign needs a tmpfs it can fill, or a folder it can make
//! read-only). Reads only the build process's own capability sets; changes nothing.
//!
//! - `esa_test_mount`: the process may mount (CAP_SYS_ADMIN), so a small tmpfs can be made.
//! - `esa_test_perms`: permission bits bind the process (no CAP_DAC_OVERRIDE), so a folder
//!   can be made read-only with chmod.

/// CAP_DAC_OVERRIDE: file permission checks do not apply.
const CAP_DAC_OVERRIDE: u32 = 1;
/// CAP_SYS_ADMIN: mount and remount.
const CAP_SYS_ADMIN: u32 = 21;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(esa_test_mount)");
    println!("cargo::rustc-check-cfg=cfg(esa_test_perms)");
    println!("cargo::rerun-if-changed=build.rs");
    let caps = effective_capabilities();
    let has = |bit: u32| caps.is_some_and(|c| c & (1 << bit) != 0);
    if has(CAP_SYS_ADMIN) {
        println!("cargo::rustc-cfg=esa_test_mount");
    }
    if caps.is_some() && !has(CAP_DAC_OVERRIDE) {
        println!("cargo::rustc-cfg=esa_test_perms");
    }
}

/// The `CapEff` mask from `/proc/self/status`; `None` where there is no such file.
fn effective_capabilities() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let hex = status.lines().find_map(|l| l.strip_prefix("CapEff:"))?;
    u64::from_str_radix(hex.trim(), 16).ok()
}
