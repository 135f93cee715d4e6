<?php

use App\Http\Controllers\DashboardController;
use App\Http\Controllers\HealthController;
use App\Http\Controllers\ListController;
use Illuminate\Support\Facades\Route;

Route::get('/', [DashboardController::class, 'show']);
Route::get('/dashboard', [DashboardController::class, 'show']);
Route::get('/health', [HealthController::class, 'show']);
Route::get('/rooms', [ListController::class, 'rooms']);
Route::get('/bookings', [ListController::class, 'bookings']);
Route::get('/folios', [ListController::class, 'folios']);
