//! The web console's entry point (built by Trunk with the `ui` feature).

fn main() {
    eg_connections::ui::mount();
}
