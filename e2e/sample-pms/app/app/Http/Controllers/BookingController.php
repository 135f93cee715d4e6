<?php

namespace App\Http\Controllers;

use App\Models\Booking;
use App\Models\Folio;
use App\Models\Guest;
use App\Models\Room;
use App\Version;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

/** POST /api/bookings {guest}: a guest, a booking of a room for two nights, and its open folio. */
class BookingController extends Controller
{
    public function store(Request $request)
    {
        $name = (string) $request->input('guest', 'Walk-in guest');
        // 5 attempts: concurrent bookings (and a migration's UPDATE) can deadlock on InnoDB locks;
        // Laravel retries the whole transaction on a deadlock
        $booking = DB::transaction(function () use ($name) {
            $guest = Guest::create(['name' => $name]);
            $room = Room::inRandomOrder()->firstOrFail();
            $booking = Booking::create([
                'room_id' => $room->id,
                'guest_id' => $guest->id,
                'check_in' => now()->toDateString(),
                'check_out' => now()->addDays(2)->toDateString(),
                'status' => 'reserved',
            ]);
            Folio::create(['booking_id' => $booking->id, 'status' => 'open', 'balance' => 0]);
            return $booking;
        }, 5);
        return response()->json(['booking' => $booking->id, 'app_version' => Version::VERSION], 201);
    }
}
