//! aduan: the complaint desk of a DPMPTSP. See ARCHITECTURE.md for the map.

pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod files;
pub mod i18n;
pub mod paper;
pub mod probe;
pub mod service;
pub mod store;
pub mod ui;
