//! Long lists drawn in steps: the first rows in the task that has the data,
//! the rest in later tasks, so the browser paints the top of the list
//! (and stays responsive) instead of building 1,000 rows in one go.

use leptos::prelude::*;

/// Counts of items drawn after each step, `per_step` items at a time; the
/// last is `total` (one step of 0 for an empty list).
pub fn even_steps(total: usize, per_step: usize) -> Vec<usize> {
    let per_step = per_step.max(1);
    let mut steps: Vec<usize> = (1..=total.div_ceil(per_step)).map(|n| (n * per_step).min(total)).collect();
    if steps.is_empty() {
        steps.push(0);
    }
    steps
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
    use super::even_steps;

    #[test]
    fn steps_cover_the_list_and_end_at_its_length() {
        assert_eq!(even_steps(250, 100), vec![100, 200, 250]);
        assert_eq!(even_steps(200, 100), vec![100, 200]);
        assert_eq!(even_steps(3, 100), vec![3]);
        assert_eq!(even_steps(0, 100), vec![0]);
        assert_eq!(even_steps(2, 0), vec![1, 2]);
    }
}
