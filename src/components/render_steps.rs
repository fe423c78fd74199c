//! Long lists drawn in two steps: the first screenful in the task that has
//! the data, the rest in the next task, so the browser paints the top of
//! the list before it builds the other 1,000 rows. Two steps, not ten: each
//! step costs a reactive pass over the list, and many small ones made the
//! whole table slower than drawing it at once.

use leptos::prelude::*;

/// Counts of items drawn after each step: `first` items (or all of them,
/// when there are fewer), then all `total`.
pub fn first_then_rest(total: usize, first: usize) -> Vec<usize> {
    let first = first.max(1).min(total);
    if first == total { vec![total] } else { vec![first, total] }
}

/// How many items are drawn: `steps[0]` now, each further count in a task
/// of its own (a zero-delay timer), so the page can paint in between.
pub fn drawn_in_steps(steps: Vec<usize>) -> ReadSignal<usize> {
    let (drawn, set_drawn) = signal(steps.first().copied().unwrap_or(0));
    schedule(steps, 1, set_drawn);
    drawn
}

fn schedule(steps: Vec<usize>, at: usize, set_drawn: WriteSignal<usize>) {
    let Some(&count) = steps.get(at) else { return };
    set_timeout(
        move || {
            // Stops once the list is gone (a new sort or filter replaced it).
            if set_drawn.try_set(count).is_none() {
                schedule(steps, at + 1, set_drawn);
            }
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(test)]
mod tests {
    use super::first_then_rest;

    #[test]
    fn first_screenful_then_the_rest() {
        assert_eq!(first_then_rest(1000, 40), vec![40, 1000]);
        assert_eq!(first_then_rest(41, 40), vec![40, 41]);
        assert_eq!(first_then_rest(40, 40), vec![40]);
        assert_eq!(first_then_rest(3, 40), vec![3]);
        assert_eq!(first_then_rest(0, 40), vec![0]);
        assert_eq!(first_then_rest(2, 0), vec![1, 2]);
    }
}
