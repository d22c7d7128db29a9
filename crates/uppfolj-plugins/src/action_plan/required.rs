//! The `required` parameter: the required reduction, one amount for the first year ("325") or
//! one per year ("2024=325; 2025=150").

use super::read::{ByYear, Year};
use uppfolj_plugin::{ParamError, ParamSpec, parse_number};

/// The parameter's key.
pub(super) const KEY: &str = "required";

/// The parameter's Swedish label, shown in the app and in messages.
const LABEL: &str = "Krav på kostnadsreducering";

/// The parameter as the plugin declares it: free text, parsed by [`parse`].
pub(super) fn param_spec() -> ParamSpec {
    ParamSpec::text(KEY, LABEL).help("Belopp i filens enhet: '325' för första året, eller per år '2024=325; 2025=200'.")
}

/// Parses the requirement: "325" (for `first_year`) or "2024=325; 2025=200" (`:` also separates
/// a year from its amount, a new line also separates years). Amounts are written as Swedes write
/// them ("150,5", "1 000").
pub(super) fn parse(text: &str, first_year: Year) -> Result<ByYear, ParamError> {
    let invalid = |reason: String| param_spec().invalid(reason);
    let mut out = ByYear::new();
    for part in text.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let (year, value) = match part.split_once(['=', ':']) {
            Some((y, v)) => {
                let y: i32 = y.trim().parse().map_err(|_| invalid(format!("'{}' är inget årtal", y.trim())))?;
                (Some(y), v)
            }
            None => (first_year, part),
        };
        let v = parse_number(value).ok_or_else(|| invalid(format!("'{}' är inget belopp", value.trim())))?;
        out.insert(year, v);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_required_per_year() {
        let r = parse("2024=325; 2025=150,5", None).expect("valid");
        assert_eq!(r.get(&Some(2024)), Some(&325.0));
        assert_eq!(r.get(&Some(2025)), Some(&150.5));
        let r = parse("325", Some(2024)).expect("valid");
        assert_eq!(r.get(&Some(2024)), Some(&325.0));
        assert!(parse("x=3", None).is_err());
    }

    #[test]
    fn names_the_label_and_what_is_wrong() {
        let err = parse("2024=tjugo", None).expect_err("not an amount");
        assert_eq!(err.to_string(), "Inställningen Krav på kostnadsreducering (required): 'tjugo' är inget belopp");
    }
}
