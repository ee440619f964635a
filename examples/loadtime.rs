fn main() {
    let t = std::time::Instant::now();
    let n = 50;
    for _ in 0..n {
        let c = esa_interview::content::load_embedded();
        std::hint::black_box(&c);
    }
    println!("load_embedded: {:?} each", t.elapsed() / n);
    for (path, text) in esa_interview::content::embedded::EMBEDDED {
        let t = std::time::Instant::now();
        for _ in 0..n {
            let v: toml::Table = toml::from_str(text).unwrap();
            std::hint::black_box(&v);
        }
        println!("{path}: {} bytes, parse {:?}", text.len(), t.elapsed() / n);
    }
}
