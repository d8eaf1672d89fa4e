package com.careerai.counselling;

/**
 * A university's booking rules (staff set them on {@code /staff/counselling}).
 *
 * @param cancellationWindowHours a student who cancels or moves at least this long before the
 *     start gets the payment back; later, a cancellation is not refunded and a move is refused
 * @param maxActiveBookings upcoming appointments a student may hold at once
 * @param noShowStrikeLimit strikes within 90 days that block new bookings until staff lift it
 */
record BookingRules(int cancellationWindowHours, int maxActiveBookings, int noShowStrikeLimit) {
    static final BookingRules DEFAULTS = new BookingRules(24, 2, 3);
}
