//! The xlsx package and its XML parts, each read once through a counting reader: the part may
//! not unpack to more than it declares nor past the limit for the whole package, a DOCTYPE is
//! refused (entity expansion), and XML errors become a Swedish message naming the part.
//!
//! Parts are looked up without regard to case and with `\` read as `/`, as Excel and calamine do.

use crate::ImportOptions;
use crate::error::ImportError;
use crate::guard::Counted;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor};

type Zip<'b> = zip::ZipArchive<Cursor<&'b [u8]>>;
type Entry<'z, 'b> = zip::read::ZipFile<'z, Cursor<&'b [u8]>>;

/// An opened xlsx package.
pub(crate) struct Package<'b> {
    zip: Zip<'b>,
    /// Part name in lower case with `/` → its name in the zip.
    names: HashMap<String, String>,
    /// The file name, for messages.
    pub(crate) file: &'b str,
    /// The import's limits.
    pub(crate) options: &'b ImportOptions,
    /// Bytes unpacked so far, over all parts.
    unpacked: u64,
}

impl<'b> Package<'b> {
    /// Opens the package (the guard has checked its directory).
    pub(crate) fn open(file: &'b str, bytes: &'b [u8], options: &'b ImportOptions) -> Result<Self, ImportError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ImportError::corrupt(file, format!("zip-arkivet kan inte läsas: {e}")))?;
        let mut names = HashMap::new();
        for name in zip.file_names() {
            let name = name.map_err(|e| ImportError::corrupt(file, format!("en delnamn kan inte läsas: {e}")))?;
            names.entry(normalise(&name)).or_insert_with(|| name.to_string());
        }
        Ok(Self { zip, names, file, options, unpacked: 0 })
    }

    /// Bytes unpacked so far, over all parts read.
    pub(crate) fn unpacked(&self) -> u64 {
        self.unpacked
    }

    /// Counts the bytes unpacked as they were at `unpacked`, before a part read again.
    pub(crate) fn rewind(&mut self, unpacked: u64) {
        self.unpacked = unpacked;
    }

    /// The size part `path` declares unpacked, if it exists.
    pub(crate) fn declared_size(&mut self, path: &str) -> Option<u64> {
        let actual = self.names.get(&normalise(path))?;
        self.zip.by_name_raw(actual.as_bytes()).ok().map(|e| e.size())
    }

    /// Opens part `path` for reading, or `None` if the package has no such part.
    pub(crate) fn part(&mut self, path: &str) -> Result<Option<XmlPart<'_, 'b>>, ImportError> {
        let Some(actual) = self.names.get(&normalise(path)) else {
            return Ok(None);
        };
        let entry = self
            .zip
            .by_name(actual)
            .map_err(|e| ImportError::corrupt(self.file, format!("delen {path} kan inte packas upp: {e}")))?;
        let declared = entry.size();
        let remaining = self.options.max_decompressed_bytes.saturating_sub(self.unpacked);
        let limit = remaining.min(declared.saturating_add(64 * 1024));
        let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(
            64 * 1024,
            Counted { inner: entry, count: 0, limit },
        ));
        let config = reader.config_mut();
        // As calamine reads xlsx: `<a/>` is a start and an end, text is kept as written.
        config.expand_empty_elements = true;
        config.check_end_names = false;
        config.check_comments = false;
        config.trim_text(false);
        Ok(Some(XmlPart {
            reader,
            name: path.to_string(),
            file: self.file,
            limit_mb: self.options.max_decompressed_bytes / (1024 * 1024),
            unpacked: &mut self.unpacked,
            open: 0,
        }))
    }
}

fn normalise(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// One XML part being read.
pub(crate) struct XmlPart<'p, 'b> {
    reader: quick_xml::Reader<BufReader<Counted<Entry<'p, 'b>>>>,
    /// The part's name, for messages.
    pub(crate) name: String,
    file: &'b str,
    limit_mb: u64,
    unpacked: &'p mut u64,
    /// Elements started and not yet ended (the XML reader refuses an end tag with none open).
    open: usize,
}

impl XmlPart<'_, '_> {
    /// The next XML event; a DOCTYPE, bad XML or too many bytes are errors.
    pub(crate) fn next<'a>(&mut self, buf: &'a mut Vec<u8>) -> Result<Event<'a>, ImportError> {
        buf.clear();
        match self.reader.read_event_into(buf) {
            Ok(Event::DocType(_)) => {
                Err(ImportError::XmlDoctype { file: self.file.to_string(), part: self.name.clone() })
            }
            Ok(event) => {
                match event {
                    Event::Start(_) => self.open += 1,
                    Event::End(_) => self.open = self.open.saturating_sub(1),
                    _ => {}
                }
                Ok(event)
            }
            Err(e) => Err(self.xml_error(&e)),
        }
    }

    /// Skips to the end of the element whose start was just read (`name` as written).
    pub(crate) fn skip_to_end(&mut self, name: &str, buf: &mut Vec<u8>) -> Result<(), ImportError> {
        loop {
            match self.next(buf)? {
                Event::End(e) if e.name().as_ref() == name => return Ok(()),
                Event::Eof => return Err(self.ended_early()),
                _ => {}
            }
        }
    }

    /// Hands the unpacked bytes at hand (never none, unless the part has ended) and the count of
    /// bytes unpacked from the part so far to `read`, which returns how many of the bytes it took
    /// and what it made of them. Where the bytes cannot be had, the error is the one the XML
    /// reader would have met there. Call it only where the reader's last event was an end tag:
    /// nothing of the next event has been taken then.
    pub(crate) fn read_raw<T>(&mut self, read: impl FnOnce(&[u8], u64) -> (usize, T)) -> Result<T, ImportError> {
        let mut stream = self.reader.stream();
        let failed = loop {
            match stream.fill_buf() {
                Ok(_) => break None,
                // As the XML reader does: read again.
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Some(quick_xml::Error::from(e)),
            }
        };
        if let Some(e) = failed {
            return Err(self.xml_error(&e));
        }
        let at_hand = stream.get_ref();
        let (taken, made) = read(at_hand.buffer(), at_hand.get_ref().count);
        stream.consume(taken);
        Ok(made)
    }

    /// How many elements are open: started by the events read so far and not ended.
    pub(crate) fn open_elements(&self) -> usize {
        self.open
    }

    /// Bytes unpacked from this part so far.
    pub(crate) fn unpacked(&self) -> u64 {
        self.reader.get_ref().get_ref().count
    }

    /// The error for a part that ends in the middle of an element.
    pub(crate) fn ended_early(&self) -> ImportError {
        ImportError::corrupt(
            self.file,
            format!("delen {} tar slut mitt i ett element; filen är troligen avkortad", self.name),
        )
    }

    /// The error for something a part may not hold, described by `what`.
    pub(crate) fn invalid(&self, what: impl std::fmt::Display) -> ImportError {
        ImportError::corrupt(self.file, format!("{} i {}", what, self.name))
    }

    fn xml_error(&self, e: &quick_xml::Error) -> ImportError {
        let counted = self.reader.get_ref().get_ref();
        let over_declared = matches!(e, quick_xml::Error::Io(io) if io.to_string().contains("declared"));
        if counted.count > counted.limit || over_declared {
            return ImportError::TooLargeUnpacked {
                file: self.file.to_string(),
                limit_mb: self.limit_mb,
                detail: format!("delen {} packas upp till mer än den anger, eller över gränsen", self.name),
            };
        }
        ImportError::corrupt(self.file, format!("XML-fel i {}: {e}", self.name))
    }
}

impl Drop for XmlPart<'_, '_> {
    fn drop(&mut self) {
        *self.unpacked = self.unpacked.saturating_add(self.unpacked());
    }
}
