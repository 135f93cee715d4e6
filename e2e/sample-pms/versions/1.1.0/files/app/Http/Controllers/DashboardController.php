<?php

namespace App\Http\Controllers;

use App\Models\Booking;
use App\Models\Folio;
use App\Models\Room;

class DashboardController extends Controller
{
    public function show()
    {
        return view('dashboard', [
            'rooms' => Room::count(),
            'occupied' => Booking::where('status', 'checked_in')->count(),
            'bookings' => Booking::count(),
            'nights' => (int) Booking::sum('nights'),
            'openBalance' => Folio::where('status', 'open')->sum('balance'),
            'latest' => Booking::with(['room', 'guest'])->orderByDesc('id')->limit(10)->get(),
        ]);
    }
}
