<?php

namespace App\Http\Controllers;

use App\Models\Booking;
use App\Models\Folio;
use App\Models\Room;

class ListController extends Controller
{
    public function rooms()
    {
        return view('list', ['title' => 'Rooms', 'rows' => Room::orderBy('number')->get()
            ->map(fn ($r) => [$r->number, $r->type, $r->rate])]);
    }

    public function bookings()
    {
        return view('list', ['title' => 'Bookings', 'rows' => Booking::with(['room', 'guest'])
            ->orderByDesc('id')->limit(50)->get()
            ->map(fn ($b) => [$b->id, $b->room->number, $b->guest->name, $b->check_in, $b->check_out, $b->status])]);
    }

    public function folios()
    {
        return view('list', ['title' => 'Folios', 'rows' => Folio::orderByDesc('id')->limit(50)->get()
            ->map(fn ($f) => [$f->id, $f->booking_id, $f->status, $f->balance])]);
    }
}
