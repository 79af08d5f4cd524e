package micrograd.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The manual-backprop exercise: the order of its questions, its checks, its product and its score. */
class QuizTest {

    private final Calculation lecture = new Calculation(LectureExample.L_GRAPH.program, "");

    @Test
    void itAsksForEachGradInTheOrderBackwardFindsThemAndAcceptsTheRightOnes() {
        Quiz quiz = new Quiz(lecture.steps());
        assertThat(quiz.question()).isEqualTo("What is f.grad? (1 of 6)");
        assertThat(quiz.answer("4")).isEqualTo("right: f.grad = 4.0");
        assertThat(quiz.question()).startsWith("What is d.grad?");
        assertThat(quiz.answer(" -2.0005 ")).as("within 0.1%").startsWith("right");
        for (String grad : new String[] {"-2", "-2", "-4", "6"}) { // c, e, b, a
            assertThat(quiz.answer(grad)).startsWith("right");
        }
        assertThat(quiz.finished()).isTrue();
        assertThat(quiz.question()).isEqualTo("done: every grad found, with 0 misses");
        assertThat(quiz.score()).isEqualTo("found 6 of 6, 0 misses");
    }

    @Test
    void aWrongAnswerIsMarkedAndTheSecondMissShowsTheProduct() {
        Quiz quiz = new Quiz(lecture.steps());
        quiz.answer("4");
        assertThat(quiz.answer("2")).isEqualTo("wrong: d.grad is not 2");
        assertThat(quiz.answer("-1.9")).isEqualTo("wrong: d.grad is not -1.9; d.grad += f.data × L.grad = (-2.0) × "
                + "1.0 = -2.0");
        assertThat(quiz.score()).isEqualTo("found 1 of 6, 2 misses");
        assertThat(quiz.answer("two")).contains("'two' is not a number");
        assertThat(quiz.score()).as("no number is no miss").isEqualTo("found 1 of 6, 2 misses");
    }

    @Test
    void theProductOfANodeUsedTwiceHasBothRulesAndTheGraphHidesTheGradsNotFoundYet() {
        Quiz quiz = new Quiz(new Calculation(LectureExample.A_PLUS_A.program, "").steps());
        assertThat(quiz.product()).isEqualTo("a.grad += b.grad = 1.0; a.grad += b.grad = 1.0, so a.grad = 2.0");
        assertThat(quiz.dot()).contains("{ a | data 3.0000 | grad ? }", "{ b | data 6.0000 | grad 1.0000 }");
        quiz.answer("2");
        assertThat(quiz.dot()).contains("{ a | data 3.0000 | grad 2.0000 }");
    }

    @Test
    void theToleranceIsRelativeAboveOneAndAbsoluteBelow() {
        assertThat(Quiz.isClose(1000.9, 1000)).isTrue();
        assertThat(Quiz.isClose(1001.1, 1000)).isFalse();
        assertThat(Quiz.isClose(0.0009, 0)).isTrue();
        assertThat(Quiz.isClose(0.0011, 0)).isFalse();
    }
}
