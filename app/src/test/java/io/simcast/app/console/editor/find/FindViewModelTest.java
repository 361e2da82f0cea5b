package io.simcast.app.console.editor.find;

import static org.assertj.core.api.Assertions.assertThat;

import io.simcast.app.console.editor.find.TextSearch.Hit;
import org.junit.jupiter.api.Test;

class FindViewModelTest {
    private static final String TEXT = "<geom/> <Geom/> <geom/>";
    private final FindViewModel find = new FindViewModel();

    @Test
    void findsForwardAndWrapsAroundCountingTheMatches() {
        find.query().set("geom");
        assertThat(find.findNext(TEXT, 0)).contains(new Hit(1, 5));
        assertThat(find.status().get()).isEqualTo("1 of 3");
        assertThat(find.findNext(TEXT, 5)).contains(new Hit(9, 13));
        assertThat(find.findNext(TEXT, 20)).contains(new Hit(1, 5));
    }

    @Test
    void matchCaseSkipsOtherCases() {
        find.query().set("geom");
        find.matchCase().set(true);
        assertThat(find.findNext(TEXT, 5)).contains(new Hit(17, 21));
        assertThat(find.status().get()).isEqualTo("2 of 2");
    }

    @Test
    void findsBackwards() {
        find.query().set("geom");
        assertThat(find.findPrevious(TEXT, 17)).contains(new Hit(9, 13));
        assertThat(find.findPrevious(TEXT, 0)).contains(new Hit(17, 21));
    }

    @Test
    void saysWhenNothingMatches() {
        find.query().set("body");
        assertThat(find.findNext(TEXT, 0)).isEmpty();
        assertThat(find.status().get()).isEqualTo("No matches");
    }

    @Test
    void replaceAllListsEveryOccurrenceInOrderAndReportsTheCount() {
        find.query().set("geom");
        assertThat(find.occurrencesToReplace(TEXT)).containsExactly(new Hit(1, 5), new Hit(9, 13),
                new Hit(17, 21));
        assertThat(find.status().get()).isEqualTo("Replaced 3 occurrences");
        assertThat(find.isOccurrence(TEXT, 9, 13)).isTrue();
        assertThat(find.isOccurrence(TEXT, 8, 13)).isFalse();
    }

    @Test
    void anEmptyQueryFindsNothing() {
        assertThat(new TextSearch("", false).all(TEXT)).isEmpty();
    }
}
