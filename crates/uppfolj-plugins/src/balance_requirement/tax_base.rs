//! Skatteintäkter + generella statsbidrag och utjämning per year, the base of the result goal and
//! of the reserve's cap: the file's rows, else the parameter `tax_base` for the last year.

use super::deficits::clean;
use super::lines::Line;
use super::read::Sheet;
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::report::Diagnostic;

/// The base of every year of `sheet`, in year order; `None` where it is unknown or zero. Warns
/// when `param` is given but the file has its own figure for the last year.
pub(super) fn bases(sheet: &Sheet<'_>, param: Option<f64>, diags: &mut Vec<Diagnostic>) -> Vec<Option<f64>> {
    let param = param.filter(|b| *b > 0.0);
    let last_year = sheet.years.last().map(|y| y.year);
    let bases = sheet
        .years
        .iter()
        .map(|y| match y.get(Line::Tax) {
            Some(t) => Some(clean(t + y.get(Line::Grants).unwrap_or(0.0))),
            None => param.filter(|_| Some(y.year) == last_year),
        })
        .map(|b| b.filter(|b| *b != 0.0))
        .collect();
    if let (Some(p), Some(last)) = (param, sheet.years.last())
        && let Some(t) = last.get(Line::Tax)
    {
        let file = t + last.get(Line::Grants).unwrap_or(0.0);
        if (file - p).abs() > 0.05 {
            diags.push(Diagnostic::warning(format!(
                "Inställningen 'Skatteintäkter och generella statsbidrag, sista året' ({}) används inte: filen anger skatteintäkter och generella statsbidrag {} för {}.",
                amount(p, &sheet.unit),
                amount(file, &sheet.unit),
                last.year
            )));
        }
    }
    bases
}
