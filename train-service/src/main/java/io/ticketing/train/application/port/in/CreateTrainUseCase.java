package io.ticketing.train.application.port.in;

public interface CreateTrainUseCase {

    /** Generates the seats of every wagon; 409 for a train number already in use. */
    TrainView createTrain(CreateTrainCommand command);
}
