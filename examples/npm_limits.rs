//! Prints the rule limits as a JavaScript module, so the npm package's
//! constants come from the Rust ones. `npm_limits esm|cjs|dts`.

use eg_connections::rules::{
    DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, PORT_MAX, PORT_MIN, SUBNET_ID_MAX_LENGTH, VPC_ID_MAX_LENGTH,
};

fn main() {
    let constants = [
        ("NAME_MAX_LENGTH", NAME_MAX_LENGTH as u64),
        ("DESCRIPTION_MAX_LENGTH", DESCRIPTION_MAX_LENGTH as u64),
        ("VPC_ID_MAX_LENGTH", VPC_ID_MAX_LENGTH as u64),
        ("SUBNET_ID_MAX_LENGTH", SUBNET_ID_MAX_LENGTH as u64),
        ("PORT_MIN", u64::from(PORT_MIN)),
        ("PORT_MAX", u64::from(PORT_MAX)),
    ];
    let format = std::env::args().nth(1).unwrap_or_default();
    println!("// Generated from the Rust rules by examples/npm_limits.rs; do not edit.");
    for (name, value) in constants {
        match format.as_str() {
            "cjs" => println!("exports.{name} = {value};"),
            "dts" => println!("export declare const {name}: {value};"),
            _ => println!("export const {name} = {value};"),
        }
    }
}
