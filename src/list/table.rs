//! One table for every list view. A view declares its columns (header,
//! the query's sort key when the column sorts, the cell of a row, a class)
//! and hands over the rows, the caption and what to say when there are
//! none; `DataTable` writes the `<table>`, the sortable headers, the
//! selection checkboxes and the empty sentence.
//!
//! Only a thin shell is generic over the row type: it turns the columns
//! into headers and each row into its cells, and one non-generic function
//! draws the table, so a new list adds its cells to the wasm and nothing
//! else.

use std::sync::Arc;

use leptos::prelude::*;

use super::selection::{Picked, SelectPage, SelectRow, Selection};
use super::sort::{HeaderSort, SortBy, SortHeader};
use super::status::ListEmpty;
use crate::components::render_steps::{drawn_in_steps, first_then_rest};

/// The key type of a column that does not sort (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSort;

/// One column: its header, the sort key of the list's query if its header
/// sorts, an optional class for its cells, and how a row fills its cell.
pub struct Column<R, K = NoSort> {
    label: &'static str,
    sort: Option<K>,
    class: Option<&'static str>,
    cell: Box<dyn Fn(&R) -> AnyView + Send + Sync>,
}

impl<R, K> Column<R, K> {
    pub fn new<V: IntoView + 'static>(label: &'static str, cell: impl Fn(&R) -> V + Send + Sync + 'static) -> Self {
        Column { label, sort: None, class: None, cell: Box::new(move |row| cell(row).into_any()) }
    }

    /// The header sorts the list by `key`.
    pub fn sorts(mut self, key: K) -> Self {
        self.sort = Some(key);
        self
    }

    /// The class of the column's cells (`name-cell`, `sans-cell`).
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }

    #[cfg(test)]
    pub fn label(&self) -> &'static str {
        self.label
    }

    #[cfg(test)]
    pub fn sort_key(&self) -> Option<&K> {
        self.sort.as_ref()
    }
}

/// The headers whose button sorts, in order (what a view's test checks).
#[cfg(test)]
pub fn sortable_labels<R, K>(columns: &[Column<R, K>]) -> Vec<&'static str> {
    columns.iter().filter(|c| c.sort.is_some()).map(|c| c.label).collect()
}

/// A cell's text, or a dash when there is none.
pub fn or_dash(v: Option<&str>) -> String {
    v.filter(|s| !s.is_empty()).unwrap_or("—").to_owned()
}

/// Rows can be picked for the bulk actions: the selection, and the id and
/// name of a row (its checkbox reads "Select <name>").
pub struct Selectable<R> {
    pub selection: RwSignal<Selection>,
    pub pick: fn(&R) -> Picked,
}

#[component]
pub fn DataTable<R, K>(
    /// The table's accessible name (a caption only screen readers see).
    caption: &'static str,
    /// Said above the table when there is no row (left out by a view that
    /// draws no table then).
    #[prop(optional)]
    empty: Option<&'static str>,
    columns: Vec<Column<R, K>>,
    rows: Vec<R>,
    /// How sortable headers sort; without it no header sorts.
    #[prop(optional)]
    sort: Option<SortBy<K>>,
    /// A checkbox per row and one for the page.
    #[prop(optional)]
    select: Option<Selectable<R>>,
) -> impl IntoView
where
    R: Send + Sync + 'static,
    K: Send + Sync + 'static,
{
    let headers = columns
        .iter()
        .map(|c| Header { label: c.label, sort: sort.as_ref().zip(c.sort.as_ref()).map(|(s, key)| s.header(key)) })
        .collect();
    let classes = columns.iter().map(|c| c.class).collect();
    let picked = select.map(|s| (s.selection, rows.iter().map(s.pick).collect()));
    let count = rows.len();
    let cells: RowCells = Arc::new(move |i| columns.iter().map(|c| (c.cell)(&rows[i])).collect());
    table_view(Parts { caption, empty, headers, classes, picked, count, cells })
}

/// A header as drawn: its label, and how it sorts if it does.
struct Header {
    label: &'static str,
    sort: Option<HeaderSort>,
}

/// The cells of row `i`.
type RowCells = Arc<dyn Fn(usize) -> Vec<AnyView> + Send + Sync>;

/// Everything the table draws, with the row type gone.
struct Parts {
    caption: &'static str,
    empty: Option<&'static str>,
    headers: Vec<Header>,
    classes: Vec<Option<&'static str>>,
    picked: Option<(RwSignal<Selection>, Vec<Picked>)>,
    count: usize,
    cells: RowCells,
}

/// Rows drawn in the first step: 1,000 rows take a few hundred ms to
/// build, so a screenful goes out first and the rest in the next task
/// (components/render_steps.rs).
const FIRST_ROWS: usize = 40;

fn table_view(parts: Parts) -> AnyView {
    let Parts { caption, empty, headers, classes, picked, count, cells } = parts;
    let drawn = drawn_in_steps(first_then_rest(count, FIRST_ROWS));
    let select_all = picked.as_ref().map(|(selection, rows)| {
        let (selection, rows) = (*selection, rows.clone());
        view! { <th scope="col"><SelectPage selection rows /></th> }
    });
    let picked = Arc::new(picked);
    let classes = Arc::new(classes);
    view! {
        {empty.filter(|_| count == 0).map(|text| view! { <ListEmpty text /> })}
        <table class="data-table">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    {select_all}
                    {headers.into_iter().map(header_view).collect_view()}
                </tr>
            </thead>
            <tbody>
                <For each=move || 0..drawn.get() key=|&i| i let(i)>
                    {row_view(i, &picked, &classes, &cells)}
                </For>
            </tbody>
        </table>
    }
    .into_any()
}

fn header_view(h: Header) -> AnyView {
    match h.sort {
        Some(sort) => view! { <SortHeader label=h.label sort /> }.into_any(),
        None => view! { <th scope="col">{h.label}</th> }.into_any(),
    }
}

fn row_view(i: usize, picked: &Option<(RwSignal<Selection>, Vec<Picked>)>, classes: &[Option<&'static str>], cells: &RowCells) -> AnyView {
    let check = picked.as_ref().map(|(selection, rows)| {
        let (selection, Picked { id, name }) = (*selection, rows[i].clone());
        view! { <td><SelectRow selection id name /></td> }
    });
    let cells = cells(i).into_iter().zip(classes.iter()).map(|(cell, class)| view! { <td class=*class>{cell}</td> }).collect_view();
    view! { <tr>{check}{cells}</tr> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Row {
        name: &'static str,
    }

    #[test]
    fn a_column_is_declared_with_its_sort_key_and_class() {
        let columns: Vec<Column<Row, u8>> = vec![
            Column::new("Name", |r: &Row| r.name).sorts(1).class("name-cell"),
            Column::new("Kind", |_: &Row| "leaf"),
            Column::new("Expires", |_: &Row| "soon").sorts(3),
        ];
        assert_eq!(sortable_labels(&columns), ["Name", "Expires"]);
        assert_eq!((columns[0].sort_key(), columns[0].class), (Some(&1), Some("name-cell")));
        assert_eq!((columns[1].label(), columns[1].sort_key(), columns[1].class), ("Kind", None, None));
        let plain: Vec<Column<Row>> = vec![Column::new("Name", |r: &Row| r.name)];
        assert!(sortable_labels(&plain).is_empty(), "a table without sort keys has no sort buttons");
    }

    #[test]
    fn a_missing_or_blank_value_reads_as_a_dash() {
        assert_eq!(or_dash(None), "—");
        assert_eq!(or_dash(Some("")), "—");
        assert_eq!(or_dash(Some("DV")), "DV");
    }
}
