@extends('layout', ['title' => 'Dashboard'])

@section('content')
<h1>Dashboard</h1>
<ul>
  <li>Rooms: <span id="rooms">{{ $rooms }}</span></li>
  <li>Occupied: <span id="occupied">{{ $occupied }}</span></li>
  <li>Bookings: <span id="bookings">{{ $bookings }}</span></li>
  <li>Open folio balance: <span id="open-balance">{{ number_format($openBalance, 2) }}</span></li>
</ul>
<h2>Latest bookings</h2>
<table>
@foreach ($latest as $b)
  <tr><td>{{ $b->id }}</td><td>{{ $b->room->number }}</td><td>{{ $b->guest->name }}</td><td>{{ $b->check_in }}</td><td>{{ $b->check_out }}</td></tr>
@endforeach
</table>
@endsection
