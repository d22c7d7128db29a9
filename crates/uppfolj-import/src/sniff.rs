//! What a file is, from its first bytes (never from its name).

/// What the bytes look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip package: xlsx, xlsm, xlsb or ods (the parts decide).
    Zip,
    /// An OLE compound file: xls, or an encrypted OOXML workbook.
    Cfb,
    /// Text: csv/tsv, or JSON.
    Text,
    /// Something else, described in Swedish ("en PDF").
    Other(&'static str),
}

const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "en PDF"),
    (b"\x89PNG", "en bild (PNG)"),
    (b"\xFF\xD8\xFF", "en bild (JPEG)"),
    (b"GIF8", "en bild (GIF)"),
    (b"BM", "en bild (BMP)"),
    (b"\x1F\x8B", "ett gzip-arkiv"),
    (b"Rar!", "ett RAR-arkiv"),
    (b"7z\xBC\xAF", "ett 7-Zip-arkiv"),
    (b"{\\rtf", "ett RTF-dokument"),
    (b"\x00\x00\x01\x00", "en ikon"),
    (b"MZ", "ett program (exe)"),
    (b"\x7FELF", "ett program"),
    (b"<?xml", "en XML-fil"),
    (b"<!DOCTYPE html", "en webbsida (HTML)"),
    (b"<html", "en webbsida (HTML)"),
];

/// Looks at the first bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniffed::Cfb;
    }
    for (sig, what) in SIGNATURES {
        if bytes.starts_with(sig) {
            // "BM" is also how a text file can start; only call it a bitmap if it has binary bytes.
            if *sig == b"BM" && looks_like_text(bytes) {
                continue;
            }
            // Excel can save a sheet as "XML Spreadsheet 2003" or HTML: say so.
            return Sniffed::Other(what);
        }
    }
    if looks_like_text(bytes) {
        return Sniffed::Text;
    }
    Sniffed::Other("en binärfil av okänt slag")
}

/// Whether the start of the file is text: no NUL bytes and few control characters (UTF-16 with a
/// BOM counts as text).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    !head.contains(&0) && control * 100 <= head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_by_content() {
        assert_eq!(sniff(b"%PDF-1.7 ..."), Sniffed::Other("en PDF"));
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Zip);
        assert_eq!(sniff(b"a;b;c\n1;2;3\n"), Sniffed::Text);
        assert_eq!(sniff(b"BMI;Andel\n1;2\n"), Sniffed::Text);
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Sniffed::Cfb);
    }
}
