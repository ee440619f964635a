fn main() {
    println!("esa-interview: under construction");
}
