package micrograd.engine;

/**
 * Receives, from {@link Value#localGradients}, what one operand of a node gains in a backward step: the chain rule's
 * {@code operand.grad += gradient}, for whoever applies it (the engine's own backward pass, a tape that records the
 * graph, a page that shows the steps).
 */
@FunctionalInterface
public interface OperandGradient {

    /**
     * @param index    the operand's position among the node's {@link Value#children()} (0 for a, 1 for b, a sum's term
     *                 number)
     * @param operand  the operand
     * @param gradient what the operand's grad gains: the node's grad times the local derivative by this operand
     */
    void receive(int index, Value operand, double gradient);
}
