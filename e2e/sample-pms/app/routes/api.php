<?php

use App\Http\Controllers\BookingController;
use App\Http\Controllers\JobController;
use Illuminate\Support\Facades\Route;

Route::post('/bookings', [BookingController::class, 'store']);
Route::post('/jobs', [JobController::class, 'store']);
